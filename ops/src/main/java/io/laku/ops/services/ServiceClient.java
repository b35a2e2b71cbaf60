package io.laku.ops.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.ops.cli.Environment;
import io.laku.ops.cli.OpsFailure;
import io.laku.ops.cli.Output;
import io.laku.ops.cli.PartDownException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** A service's HTTP side as ops uses it: its admin endpoints (admin JWT) and its readiness check. */
public final class ServiceClient implements AutoCloseable {

    private final String service;
    private final String url;
    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServiceClient(String service, Environment environment) {
        this.service = service;
        this.url = environment.serviceUrl(service);
        this.environment = environment;
    }

    public String service() {
        return service;
    }

    /** POSTs a JSON body to an admin endpoint and returns the JSON answer (2xx), or says why not. */
    public JsonNode admin(String path, Object body, Duration within) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + environment.adminToken())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(within)
                .POST(HttpRequest.BodyPublishers.ofString(Output.toJson(body))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new OpsFailure(service + " answered " + response.statusCode() + " to POST " + path + ": "
                    + problem(response.body()));
        }
        return json(response.body());
    }

    /** The readiness check's JSON ({@code /q/health/ready}; 503 still has a body). */
    public JsonNode readiness() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build());
        return json(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new PartDownException(service + " at " + url + " is not answering; is it up? ./laku status", e);
        } catch (HttpTimeoutException e) {
            throw new PartDownException(service + " at " + url + " did not answer " + request.uri().getPath() + " within "
                    + request.timeout().map(Duration::toString).orElse("its time"), e);
        } catch (IOException e) {
            throw new PartDownException(service + " at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(String body) {
        try {
            return Output.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new OpsFailure(service + " answered something that is not JSON: " + body);
        }
    }

    private static String problem(String body) {
        try {
            JsonNode node = Output.mapper().readTree(body);
            String detail = node.path("detail").asText("");
            return detail.isEmpty() ? body : detail;
        } catch (IOException | RuntimeException e) {
            return body;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
