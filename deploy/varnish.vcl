vcl 4.1;

# Varnish 7 in front of the Catalog API replicas (deploy/README.md explains each rule).
# Cached: anonymous GET /graphql answers for as long as the service's Cache-Control says (max-age, set by
# Catalog:GraphQL:CacheMaxAgeSeconds) and the page's versioned files under /assets/. Everything else is
# passed: POST (mutations and queries), anything with an Authorization or X-Catalog-Session header, the page shell, health,
# metrics. A curator edit is therefore visible through Varnish after at most max-age; no purge is needed.

import directors;

# A replica is routed to only while /health/ready is 200 (store reachable, index open and caught up).
probe ready {
    .url = "/health/ready";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

# The backends are exactly the api services of docker-compose.yml, on the port the Dockerfile exposes
# (ComposeConsistencyTests checks both). The Varnish test points their .host/.port at its loopback server.
backend api1 {
    .host = "api1";
    .port = "8080";
    .probe = ready;
}

backend api2 {
    .host = "api2";
    .port = "8080";
    .probe = ready;
}

sub vcl_init {
    new replicas = directors.round_robin();
    replicas.add_backend(api1);
    replicas.add_backend(api2);
}

sub vcl_recv {
    set req.backend_hint = replicas.backend();

    # Only GET/HEAD can be answered from the cache; POST carries mutations and per-request bodies.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # A bearer token makes the answer the viewer's own (the service sends private, no-cache): never shared.
    if (req.http.Authorization) {
        return (pass);
    }

    # A ranking experiment's session key: the answer may be ranked for that session's arm (docs/insights.md).
    # The page sends it only with viewers' searches, which are per-request answers anyway.
    if (req.http.X-Catalog-Session) {
        return (pass);
    }

    # Immutable, content-hashed page files: cacheable for everyone.
    if (req.url ~ "^/assets/") {
        unset req.http.Cookie;
        return (hash);
    }

    # GET /graphql with a query string: anonymous queries (GET mutations are refused by the service with 405,
    # which is not cached). The service authenticates by Authorization only and never reads cookies, so a
    # cookie (for example one set by another site on the same host) must not split or bypass the cache.
    if (req.url ~ "^/graphql\?") {
        unset req.http.Cookie;
        return (hash);
    }

    # The page shell (no-cache + ETag), the IDE, health, metrics, dev sign-in: always from a replica.
    return (pass);
}

sub vcl_backend_response {
    if (bereq.url ~ "^/graphql\?") {
        # No grace: a stale answer is never served past max-age, so "visible after at most max-age" holds.
        # Keep expired answers an hour to revalidate them with the replica by If-None-Match (304, no body).
        set beresp.grace = 0s;
        set beresp.keep = 1h;
    }
    # Only successful answers are kept. Varnish would keep a 404 for two minutes by default: during a rolling
    # upgrade a replica still on the old page would then hide the new /assets/<hash>/ files from everyone.
    if (beresp.status != 200) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # The rest follows the built-in rules: private, no-cache and no-store answers are not cached.
}
