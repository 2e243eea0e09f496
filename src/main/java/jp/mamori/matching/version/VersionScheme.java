package jp.mamori.matching.version;

import java.util.Comparator;

/**
 * One version ordering (npm semver, PEP 440, Maven, Debian, RPM, Go, generic appliance).
 * Each scheme is one small class with its table test beside it; {@link VersionSchemes} is the
 * one place that picks the scheme for an ecosystem, a purl type or a CPE.
 */
public interface VersionScheme extends Comparator<String> {

    /** Short name shown in match evidence: "semver", "pep440", "maven", "deb", "rpm", "go", "generic". */
    String id();

    /** True when the string is a version in this scheme. */
    boolean isValid(String version);

    /**
     * Orders two versions of this scheme.
     *
     * @throws InvalidVersionException when either is not a valid version in this scheme
     */
    @Override
    int compare(String a, String b);
}
