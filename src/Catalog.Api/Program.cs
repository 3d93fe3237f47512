using Catalog.Api.Cli;

return await CatalogCli.RunAsync(args);
