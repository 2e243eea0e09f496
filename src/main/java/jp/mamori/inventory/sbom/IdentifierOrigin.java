package jp.mamori.inventory.sbom;

/**
 * Whether an identifier came with the SBOM or was suggested by Mamori. CONFIRMED: a person confirmed
 * (or corrected) a suggestion; REJECTED: a person rejected it, and the component has no identifier
 * (issue 13 defect 5).
 */
public enum IdentifierOrigin { DECLARED, SUGGESTED, CONFIRMED, REJECTED }
