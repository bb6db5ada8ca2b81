package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The contract and its viewer: {@code GET /openapi.yaml} serves {@code docs/openapi.yaml} (copied onto
 * the classpath at build time, so code and contract ship together); {@code GET /docs} is Swagger UI
 * from the {@code org.webjars:swagger-ui} jar, pointed at it.
 */
final class ApiDocs {

    static final String CONTRACT_RESOURCE = "/com/coachintel/leads/adapter/http/openapi.yaml";
    private static final Map<String, String> SWAGGER_UI_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Leads API</title>
              <link rel="stylesheet" href="/docs/swagger-ui/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/swagger-ui/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui/swagger-ui-bundle.js"></script>
              <script src="/docs/swagger-ui/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.yaml",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    /**
     * The page runs only this server's scripts and its one inline script, named by its SHA-256, so that nothing
     * injected into it could run. Swagger UI sets inline styles and shows data: images.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'sha256-" + inlineScriptHash()
            + "'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'";

    private static String inlineScriptHash() {
        int start = PAGE.indexOf("<script>") + "<script>".length();
        String script = PAGE.substring(start, PAGE.indexOf("</script>", start));
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private final byte[] contract;
    private final String swaggerUiRoot;

    ApiDocs() {
        this.contract = read(CONTRACT_RESOURCE);
        this.swaggerUiRoot = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    void contract(Context ctx) {
        ctx.contentType("application/yaml; charset=utf-8").result(contract);
    }

    void page(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.html(PAGE);
    }

    void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String contentType = SWAGGER_UI_FILES.get(file);
        if (contentType == null) { // only the files the page uses: no path ever reaches the classpath look-up
            throw new NotFoundResponse("No resource at GET " + ctx.path());
        }
        ctx.header("Cache-Control", "public, max-age=86400").contentType(contentType).result(read(swaggerUiRoot + file));
    }

    private static String swaggerUiVersion() {
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
