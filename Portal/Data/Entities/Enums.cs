namespace Portal.Data.Entities;

/// <summary>The principal organs the portal publishes for. The symbol series letter is in brackets.</summary>
public enum Organ
{
    GeneralAssembly = 1,       // A
    SecurityCouncil = 2,       // S
    EconomicAndSocialCouncil = 3, // E
}

public enum DocumentKind
{
    Letter = 1,
    NoteVerbale = 2,
    Report = 3,
    DraftResolution = 4,
    Resolution = 5,
    Other = 99,
}

/// <summary>The "Distr." line of the header.</summary>
public enum Distribution
{
    General = 1,
    Limited = 2,
    Restricted = 3,
}

public enum PublicationStatus
{
    Draft = 1,
    Published = 2,
    Withdrawn = 3,
}

public enum ReferenceRelation
{
    RepliesTo = 1,
    RefersTo = 2,
    Corrects = 3,
    Revises = 4,
    AddsTo = 5,
}
