package jp.mamori.inventory.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The small SBOMs written for these tests, under src/test/resources/sbom/. */
public final class TestSboms {
    private TestSboms() { }

    public static byte[] bytes(String name) {
        try (InputStream in = TestSboms.class.getResourceAsStream("/sbom/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource sbom/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SbomDocument read(String name) throws SbomFormatException {
        return new SbomReader().read(bytes(name), name);
    }

    public static Component byName(SbomDocument doc, String name) {
        List<Component> found = doc.components().stream().filter(c -> name.equals(c.name())).toList();
        if (found.size() != 1) throw new AssertionError(found.size() + " components named " + name);
        return found.get(0);
    }
}
