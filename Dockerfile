# Catalog API image: `docker build -t catalog .`
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Catalog.sln ./
COPY src/ src/
COPY data/ data/
RUN dotnet publish src/Catalog.Api/Catalog.Api.csproj -c Release -o /app --no-self-contained

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
