# Build: the whole repository is the context, because the web root (wwwroot/) lives at the top level
# and is linked into the Portal project as static web assets.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Portal.sln ./
COPY Portal/Portal.csproj Portal/
RUN dotnet restore Portal/Portal.csproj
COPY Portal/ Portal/
COPY wwwroot/ wwwroot/
RUN dotnet publish Portal/Portal.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Noto fonts so generated PDFs and any server-side rendering have Chinese and Arabic glyphs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-noto-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# Never Development in a container: that would show stack traces to visitors.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Portal__DataPath=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Portal.dll"]
