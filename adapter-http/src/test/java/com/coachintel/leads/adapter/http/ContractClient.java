package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client for tests that checks every exchange against {@code docs/openapi.yaml}: a request the
 * test means to be valid must satisfy the contract, and every response must, whatever the request.
 */
public final class ContractClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(contract())
            .build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public ContractClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends this header with every request (such as {@code x-user-email}). */
    public ContractClient withHeader(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    /** {@code headers} with {@code Content-Type: application/json} in front, for {@link #send}. */
    public static String[] jsonHeaders(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    /** A GET the test means to be valid: request and response are checked against the contract. */
    public Exchange get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, true, headers);
    }

    /**
     * A request the contract cannot describe (an unknown route, a wrong method, a static asset): nothing is
     * checked against the contract, so the test asserts the answer itself.
     */
    public Exchange outsideContract(String method, String pathAndQuery, String... headers) {
        return send(method, pathAndQuery, null, null, headers);
    }

    /** A GET the test means to be invalid: only the response is checked against the contract. */
    public Exchange getInvalid(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, false, headers);
    }

    /**
     * Any request; {@code validRequest} says whether the request itself must satisfy the contract (null:
     * neither request nor response is checked, see {@link #outsideContract}).
     */
    public Exchange send(String method, String pathAndQuery, String body, Boolean validRequest, String... headers) {
        Map<String, String> allHeaders = new LinkedHashMap<>(defaultHeaders);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                allHeaders.remove(headers[i]);
            } else {
                allHeaders.put(headers[i], headers[i + 1]);
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        allHeaders.forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Exchange exchange = new Exchange(method, pathAndQuery, response);
        if (validRequest != null) {
            exchange.validate(toValidatorRequest(method, pathAndQuery, body, allHeaders), validRequest);
        }
        return exchange;
    }

    private static Request toValidatorRequest(String method, String pathAndQuery, String body, Map<String, String> headers) {
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            Map<String, List<String>> query = java.util.Arrays.stream(uri.getRawQuery().split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.groupingBy(pair -> decode(pair[0]), LinkedHashMap::new,
                            Collectors.mapping(pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
            query.forEach(builder::withQueryParam);
        }
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String contract() {
        try (InputStream in = ContractClient.class.getResourceAsStream(ApiDocs.CONTRACT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request and its response, already checked against the contract. */
    public static final class Exchange {
        private final String method;
        private final String pathAndQuery;
        private final HttpResponse<String> response;

        Exchange(String method, String pathAndQuery, HttpResponse<String> response) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.response = response;
        }

        void validate(Request request, boolean validRequest) {
            SimpleResponse.Builder builder = new SimpleResponse.Builder(response.statusCode()).withBody(response.body());
            response.headers().map().forEach(builder::withHeader);
            SimpleResponse validatorResponse = builder.build();
            ValidationReport report = validRequest
                    ? VALIDATOR.validate(request, validatorResponse)
                    : VALIDATOR.validateResponse(request.getPath(), request.getMethod(), validatorResponse);
            assertThat(report.getMessages())
                    .as("%s %s -> %d %s violates docs/openapi.yaml", method, pathAndQuery, response.statusCode(),
                            abbreviated(response.body()))
                    .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .isEmpty();
        }

        private static String abbreviated(String body) {
            return body.length() <= 2000 ? body : body.substring(0, 2000) + "... (" + body.length() + " characters)";
        }

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Asserts a problem document with this status and type slug, and returns its JSON. */
        public JsonNode assertProblem(int status, String slug) {
            assertThat(status()).as(abbreviated(body())).isEqualTo(status);
            assertThat(header("content-type")).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("type").asText()).isEqualTo("https://coachintel.com/problems/" + slug);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            return problem;
        }

        /** The {@code field} of each entry of a problem's {@code errors}. */
        public List<String> errorFields() {
            return java.util.stream.StreamSupport.stream(json().get("errors").spliterator(), false)
                    .map(error -> error.get("field").asText()).toList();
        }
    }
}
