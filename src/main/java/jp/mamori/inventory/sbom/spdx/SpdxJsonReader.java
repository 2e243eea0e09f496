package jp.mamori.inventory.sbom.spdx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.mamori.inventory.sbom.SbomDocument;
import jp.mamori.inventory.sbom.SbomFormatException;
import jp.mamori.inventory.sbom.SbomLimits;
import jp.mamori.inventory.sbom.json.JsonInput;

/**
 * SPDX 2.2/2.3 JSON with Jackson's streaming parser, one package or relationship at a time (files,
 * snippets, annotations and licence texts are skipped unread). Why not the SPDX library: see
 * docs/adr/0005-spdx-parsing.md.
 */
public final class SpdxJsonReader {
    private final SbomLimits limits;

    public SpdxJsonReader(SbomLimits limits) {
        this.limits = limits;
    }

    public SbomDocument read(byte[] bytes, String file) throws SbomFormatException {
        String spdxVersion = null;
        String documentId = "SPDXRef-DOCUMENT";
        String name = null;
        String namespace = null;
        List<String> describes = new ArrayList<>();
        List<SpdxPackage> packages = new ArrayList<>();
        List<SpdxRelationship> relationships = new ArrayList<>();
        JsonParser p = JsonInput.parser(bytes, limits);
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new SbomFormatException(file, null, "expected a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "spdxVersion" -> spdxVersion = p.getValueAsString();
                    case "SPDXID" -> documentId = p.getValueAsString();
                    case "name" -> name = p.getValueAsString();
                    case "documentNamespace" -> namespace = p.getValueAsString();
                    case "documentDescribes" -> describes.addAll(strings(p, file, value));
                    case "packages" -> {
                        expectArray(p, file, value);
                        // the place is built from the index: asking the parser for its pointer per element costs a fifth of the read
                        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                            packages.add(pkg(p.readValueAsTree(), "/packages/" + i, file));
                        }
                    }
                    case "relationships" -> {
                        expectArray(p, file, value);
                        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                            relationships.add(relationship(p.readValueAsTree(), "/relationships/" + i, file));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) throw new SbomFormatException(file, null, "unexpected content after the JSON object");
        } catch (JacksonException e) {
            throw JsonInput.error(file, e, p);
        } catch (IOException e) {
            throw new SbomFormatException(file, null, "unreadable JSON: " + e.getMessage(), e);
        }
        String version = SpdxVersions.check(spdxVersion, file, "/spdxVersion");
        return SpdxAssembler.assemble(file, version, documentId, name, namespace, describes, packages, relationships,
                new ArrayList<>());
    }

    private static SpdxPackage pkg(JsonNode n, String place, String file) throws SbomFormatException {
        if (!n.isObject()) throw new SbomFormatException(file, place, "a package must be a JSON object");
        SpdxPackage p = new SpdxPackage(place);
        p.ref = required(n, "SPDXID", place, file);
        p.name = required(n, "name", place, file);
        p.version = text(n, "versionInfo");
        p.supplier = text(n, "supplier");
        p.originator = text(n, "originator");
        p.homepage = text(n, "homepage");
        p.downloadLocation = text(n, "downloadLocation");
        p.purpose = text(n, "primaryPackagePurpose");
        p.licenseConcluded = text(n, "licenseConcluded");
        p.licenseDeclared = text(n, "licenseDeclared");
        for (JsonNode c : n.path("checksums")) p.checksum(text(c, "algorithm"), text(c, "checksumValue"));
        for (JsonNode r : n.path("externalRefs")) p.externalRef(text(r, "referenceType"), text(r, "referenceLocator"));
        return p;
    }

    private static SpdxRelationship relationship(JsonNode n, String place, String file) throws SbomFormatException {
        return new SpdxRelationship(required(n, "spdxElementId", place, file), required(n, "relationshipType", place, file),
                required(n, "relatedSpdxElement", place, file));
    }

    private static String required(JsonNode n, String field, String place, String file) throws SbomFormatException {
        String v = text(n, field);
        if (v == null || v.isBlank()) throw new SbomFormatException(file, place + "/" + field, "required field is missing");
        return v.strip();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonParser p, String file, JsonToken value) throws IOException, SbomFormatException {
        expectArray(p, file, value);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) out.add(p.getText());
            else p.skipChildren();
        }
        return out;
    }

    private static void expectArray(JsonParser p, String file, JsonToken value) throws SbomFormatException {
        if (value != JsonToken.START_ARRAY) {
            throw new SbomFormatException(file, pointer(p), "expected an array");
        }
    }

    private static String pointer(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }
}
