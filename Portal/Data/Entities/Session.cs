namespace Portal.Data.Entities;

/// <summary>
/// A General Assembly session (numbered: 75 = Sept 2020 – Sept 2021) or a Security Council year
/// (2021). <see cref="Number"/> holds the session number or the year accordingly.
/// </summary>
public class Session
{
    public int Id { get; set; }
    public Organ Organ { get; set; }
    public int Number { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<DocumentSession> Documents { get; set; } = [];
}
