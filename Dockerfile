# Catalog API image: `docker build -t catalog .`
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Catalog.sln ./
COPY src/ src/
COPY data/ data/
# ReadyToRun: the app and its packages (Lucene.Net, GraphQL, EF Core) ship precompiled for the image's architecture, so a
# start does not JIT some 20,000 methods (~6 s of compilation at 1M titles) and the first requests run compiled code.
# TARGETARCH is BuildKit's (amd64, arm64); `-a` takes those names since the .NET 8 SDK.
ARG TARGETARCH
RUN dotnet publish src/Catalog.Api/Catalog.Api.csproj -c Release -a "$TARGETARCH" -p:PublishReadyToRun=true -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Catalog__DataDirectory=/var/lib/catalog
RUN mkdir -p /var/lib/catalog && chown app:app /var/lib/catalog
USER app
VOLUME /var/lib/catalog
EXPOSE 8080
ENTRYPOINT ["dotnet", "catalog.dll"]
CMD ["serve"]
