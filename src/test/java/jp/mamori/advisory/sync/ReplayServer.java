package jp.mamori.advisory.sync;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (random port) that replays small documents from
 * src/test/resources/sync and records every request. Never contacts any other host.
 */
final class ReplayServer implements AutoCloseable {

    record Request(String method, String path, String rawQuery, Map<String, String> params, Headers headers) {
        String param(String name) { return params.get(name); }

        String header(String name) { return headers.getFirst(name); }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response ok(byte[] body) { return new Response(200, Map.of(), body); }

        static Response status(int status) { return new Response(status, Map.of(), new byte[0]); }

        Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();

    ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                URI uri = exchange.getRequestURI();
                Request req = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), parse(uri.getRawQuery()),
                        exchange.getRequestHeaders());
                requests.add(req);
                Function<Request, Response> route;
                synchronized (routes) {
                    route = routes.get(uri.getPath());
                }
                Response r = route == null ? Response.status(404) : route.apply(req);
                r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                if (r.status() == 304 || r.body().length == 0) {
                    exchange.sendResponseHeaders(r.status(), -1);
                } else {
                    exchange.sendResponseHeaders(r.status(), r.body().length);
                    try (OutputStream os = exchange.getResponseBody()) {
                        os.write(r.body());
                    }
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
        });
        server.start();
    }

    void route(String path, Function<Request, Response> handler) {
        synchronized (routes) {
            routes.put(path, handler);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return m;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            // keep '+' literal (MyJVN's vulnId separator); percent-decode the rest
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return m;
    }

    static byte[] resource(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/sync/" + name)) {
            if (in == null) throw new IllegalArgumentException("missing test resource /sync/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
