namespace Catalog.Core.Ranking;

/// <summary>
/// C of the weighted rating (<see cref="WeightedRating.CatalogMean"/> over the live search index): the RATING sort,
/// the <c>minRating</c> filter and the <c>rating.weighted</c> field all read it here, so the order and the shown value
/// use one C. It follows the index, which applies the store's change log (in-process writes wake it at once; another
/// process's writes are found by polling), so a replica's C matches its own RATING order.
/// </summary>
public interface ICatalogMean
{
    double Current { get; }
}
