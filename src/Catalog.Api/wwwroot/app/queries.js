// Every GraphQL document the page sends. The texts never change at run time (values travel as variables), so each
// has one persisted-query hash and every GET URL for the same view is the same — cacheable.

const CARD = 'fragment Card on Title { id name year kind genres hasTrailer rating { average count weighted } }';

const REVIEW = 'fragment ReviewFields on Review { id author rating body createdAt helpfulVotes unhelpfulVotes helpfulness viewerVote }';

export const VIEWER = 'query Viewer { viewer { id name role } }';

const railSelection = '(first: $first) { totalCount nodes { ...Card } }';
export const HOME = `query Home($first: Int!) {
  catalogClock { now recentlyAddedDays newReleaseDays leavingSoonDays }
  newArrivals${railSelection}
  newReleases${railSelection}
  recentlyAdded${railSelection}
  comingSoon(first: $first) { totalCount nodes { ...Card addedAt releaseDate } }
  leavingSoon(first: $first) { totalCount nodes { ...Card availableUntil } }
  topRated: search(sort: RATING, first: $first, analytics: false) { totalCount nodes { ...Card } }
}
${CARD}`;

// suggest completes prefixes; the typo-tolerant search beside it finds the titles a misspelled word means (a preview,
// not a viewer's search: analytics: false keeps it out of search insights).
export const SUGGEST = `query Suggest($prefix: String!, $first: Int!) {
  suggest(prefix: $prefix, first: $first) { text kind titleId }
  search(query: $prefix, first: 5, analytics: false) { nodes { id name year } }
}`;

export const SEARCH = `query Search($q: String, $filter: TitleFilter, $sort: TitleSort!, $first: Int!, $after: String, $exact: Boolean!) {
  search(query: $q, filter: $filter, sort: $sort, first: $first, after: $after, exact: $exact, facets: [GENRE, KIND, TAG, HAS_TRAILER]) {
    totalCount didYouMean correctedQuery searchId
    edges { cursor node { ...Card synopsis directors } highlights { field snippet } }
    facets { field values { value count selected } }
    related { ...Card }
    pageInfo { hasNextPage endCursor }
  }
}
${CARD}`;

export const TITLE = `query TitlePage($id: ID!, $order: ReviewOrder!, $first: Int!) {
  title(id: $id) {
    ...Card originalName releaseDate addedAt availableUntil synopsis runtimeMinutes contentRating languages countries
    tags directors cast imdbUrl trailerSearchUrl
    trailers { id url embedUrl site kind language }
    similar(first: 12) { ...Card }
    viewerReview { id rating body }
    reviews(orderBy: $order, first: $first) { totalCount edges { node { ...ReviewFields } } pageInfo { hasNextPage endCursor } }
  }
}
${CARD}
${REVIEW}`;

export const REVIEWS = `query TitleReviews($id: ID!, $order: ReviewOrder!, $first: Int!, $after: String) {
  title(id: $id) {
    id viewerReview { id rating body }
    reviews(orderBy: $order, first: $first, after: $after) { totalCount edges { node { ...ReviewFields } } pageInfo { hasNextPage endCursor } }
  }
}
${REVIEW}`;

export const SUBMIT_REVIEW = `mutation SubmitReview($input: SubmitReviewInput!) { submitReview(input: $input) { ...ReviewFields } }
${REVIEW}`;

export const VOTE_REVIEW = `mutation VoteReview($id: ID!, $helpful: Boolean!) { voteReview(reviewId: $id, helpful: $helpful) { ...ReviewFields } }
${REVIEW}`;

export const DELETE_REVIEW = 'mutation DeleteReview($id: ID!) { deleteReview(id: $id) }';

export const CURATOR_TITLE = `query CuratorTitle($id: ID!) {
  title(id: $id) { id name year kind genres tags trailers { id url embedUrl site kind language } }
}`;

export const SET_TAGS = 'mutation SetTags($id: ID!, $tags: [String!]!) { setTags(titleId: $id, tags: $tags) { id tags } }';

export const ADD_TRAILER = `mutation AddTrailer($id: ID!, $input: TrailerInput!) {
  addTrailer(titleId: $id, input: $input) { id url embedUrl site kind language }
}`;

export const REMOVE_TRAILER = 'mutation RemoveTrailer($id: ID!) { removeTrailer(id: $id) }';

export const START_REINDEX = 'mutation StartReindex { startReindex { id state progress processed total startedAt finishedAt error } }';

export const REINDEX_JOB = 'query ReindexJob($id: ID!) { reindexJob(id: $id) { id state progress processed total startedAt finishedAt error } }';

export const SEARCH_INSIGHTS = `query SearchInsights($from: Date!, $to: Date!, $first: Int!) {
  searchInsights(from: $from, to: $to, first: $first) {
    from to
    totals { searches zeroResultSearches clicks clickThroughRate meanReciprocalRank latencyP50Ms latencyP95Ms }
    topQueries { query searches zeroResultSearches clickedSearches lastSeen }
    zeroResultQueries { query searches lastSeen }
    noClickQueries { query searches }
    days { day totals { searches zeroResultSearches clickThroughRate } }
  }
}`;

const EXPERIMENT_FIELDS = `id name running trafficShare startedAt stoppedAt
    variant { typoTolerance popularityTieBreak fallbacks }
    report {
      arms { arm searches clickThroughRate { value low high } meanReciprocalRank { value low high } zeroResultRate { value low high } }
      clickThrough { pValue significant better } zeroResults { pValue significant better }
    }`;

export const EXPERIMENTS = `query Experiments($first: Int!) {
  experiments(first: $first) { ${EXPERIMENT_FIELDS} }
}`;

export const START_EXPERIMENT = `mutation StartExperiment($input: StartExperimentInput!) {
  startExperiment(input: $input) { id }
}`;

export const STOP_EXPERIMENT = `mutation StopExperiment($id: ID!) {
  stopExperiment(id: $id) { id }
}`;
