using Portal.Data.Entities;

namespace Portal.Catalogue;

/// <summary>A session or an agenda item as it appears in the URL: <c>ga-75</c>, <c>ga-75-132</c>.</summary>
public sealed record SessionKey(Organ Organ, int Number)
{
    public override string ToString() => $"{SessionNames.Slug(Organ)}-{Number}";

    public string Label => SessionNames.Label(Organ, Number);
}

public sealed record AgendaItemKey(Organ Organ, int Session, int Number)
{
    public override string ToString() => $"{SessionNames.Slug(Organ)}-{Session}-{Number}";
}
