namespace Catalog.Core.Titles;

public enum TitleKind
{
    Movie,
    Series,
    Documentary,
    Special,
    Short,
}
