// Starts GraphiQL against this server's /graphql, with the README's example queries as ready-to-run tabs
// (examples.json beside this file). A classic deferred script, so React and GraphiQL's globals exist.
(function () {
  'use strict';

  // graphql-js's standard introspection query nests 15 levels (9 of ofType), over the API's depth limit
  // (Catalog:GraphQL:MaxDepth, 12), so the IDE asks for type wrappers 5 deep: enough for [[T!]!]!.
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';
  const introspection = [
    'query IntrospectionQuery {',
    '  __schema {',
    '    queryType { name } mutationType { name } subscriptionType { name }',
    '    types { ...FullType }',
    '    directives { name description locations args { ...InputValue } }',
    '  }',
    '}',
    'fragment FullType on __Type {',
    '  kind name description',
    '  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }',
    '  inputFields { ...InputValue }',
    '  interfaces { ...TypeRef }',
    '  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }',
    '  possibleTypes { ...TypeRef }',
    '}',
    'fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }',
    'fragment TypeRef on __Type { ' + typeRef + ' }',
  ].join('\n');

  const http = GraphiQL.createFetcher({ url: '/graphql' });
  function fetcher(params, options) {
    const isIntrospection = params.operationName === 'IntrospectionQuery';
    return http(isIntrospection ? { query: introspection, operationName: 'IntrospectionQuery' } : params, options);
  }

  function render(examples) {
    // Each example's variables have defaults in the query itself: GraphiQL 3 leaves the first tab's
    // variables pane empty on first load.
    const defaultTabs = examples.map(function (e) { return { query: e.query }; });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: defaultTabs, defaultEditorToolsVisibility: true }));
  }

  fetch(new URL('examples.json', document.currentScript.src))
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; })
    .then(render);
})();
