package jp.mamori.web.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 description of {@code /api/v1}, maintained by hand next to the controllers
 * ({@code src/main/resources/api/openapi.json}); a test checks that every mapping is described.
 */
@RestController
public class OpenApiController {

    private final byte[] document;

    public OpenApiController() throws IOException {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new IllegalStateException("api/openapi.json is missing");
            document = in.readAllBytes();
        }
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> openapi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}
