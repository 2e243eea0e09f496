package jp.mamori.matching.version;

/**
 * Python PEP 440 ordering: {@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]} with the
 * normalisations of the PEP ({@code 1.0a1} = {@code 1.0.0a1} = {@code 1.0.0-alpha.1},
 * {@code 1.0-1} = {@code 1.0.post1}, a leading {@code v}, case-insensitive). Order:
 * {@code 1.0.dev0 < 1.0a1.dev0 < 1.0a1 < 1.0b1 < 1.0rc1 < 1.0 < 1.0+local < 1.0.post1.dev0 < 1.0.post1 < 1!0.1}.
 */
public final class Pep440Scheme implements VersionScheme {

    public static final Pep440Scheme INSTANCE = new Pep440Scheme();

    private Pep440Scheme() { }

    @Override
    public String id() {
        return "pep440";
    }

    @Override
    public boolean isValid(String version) {
        return Pep440Version.parse(version) != null;
    }

    @Override
    public int compare(String a, String b) {
        return require(a).compareTo(require(b));
    }

    private Pep440Version require(String version) {
        Pep440Version v = Pep440Version.parse(version);
        if (v == null) throw new InvalidVersionException(id(), version);
        return v;
    }
}
