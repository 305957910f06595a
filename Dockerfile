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

# Runtime: Debian 12, the distribution CI tests on, with the ASP.NET Core runtime (no SDK) copied from
# Microsoft's image. Not that image itself: .NET 10's images are Ubuntu 24.04, whose `chromium` package is
# only a stub for the snap, which cannot run in a container.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet
FROM debian:bookworm-slim AS runtime
# Chromium prints generated PDFs (DocumentPdfRenderer); without it every generated PDF answers 503. The
# fonts give it Chinese (WenQuanYi Zen Hei first: see DocumentPdfRenderer) and Arabic glyphs. ICU, OpenSSL
# and the certificates are what the .NET runtime needs; curl answers the compose healthcheck (/health/ready).
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-noto-cjk fonts-noto-core fonts-wqy-zenhei \
        ca-certificates libicu72 libssl3 tzdata curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
# An unprivileged user, uid 1654 as in Microsoft's images (app, $APP_UID); it owns /data and nothing under /app.
ENV APP_UID=1654
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && groupadd --gid "$APP_UID" app \
    && useradd --uid "$APP_UID" --gid app --create-home --shell /usr/sbin/nologin app \
    && mkdir -p /data \
    && chown app:app /data
WORKDIR /app
COPY --from=build /app .
# Never Development in a container: that would show stack traces to visitors.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Portal__DataPath=/data \
    Portal__ChromiumPath=/usr/bin/chromium
USER $APP_UID
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Portal.dll"]
