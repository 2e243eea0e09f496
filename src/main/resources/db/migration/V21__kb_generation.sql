-- The knowledge base's generation: raised in the same transaction as every document that inserts,
-- replaces or withdraws a statement. A compiled match index records the instance and generation it
-- was built from, so a stale one (or one of another database) is recognised and rebuilt instead of
-- being used (ADR 0015). The instance is a random id the application sets on first use.
CREATE TABLE kb_generation (
    id          INT PRIMARY KEY,
    instance    VARCHAR(36),
    generation  BIGINT NOT NULL
);
INSERT INTO kb_generation (id, instance, generation) VALUES (1, NULL, 0);
