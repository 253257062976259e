package dev.concierge.adapter.persistence.support;

import io.r2dbc.spi.ConnectionFactory;

/**
 * The two databases the adapters speak to, for the few statements that must be spelled differently: atomic
 * read-and-change statements ({@code RETURNING} on PostgreSQL, data change delta tables on H2) and inserts that must
 * not spoil a surrounding transaction when they meet a duplicate key.
 */
public enum Dialect {

    POSTGRESQL,
    H2;

    /** The dialect of the driver behind {@code connectionFactory}. */
    public static Dialect of(ConnectionFactory connectionFactory) {
        String database = connectionFactory.getMetadata().getName();
        return switch (database) {
            case "PostgreSQL" -> POSTGRESQL;
            case "H2" -> H2;
            default -> throw new IllegalArgumentException("the stores support PostgreSQL and H2, not " + database);
        };
    }

    /**
     * {@code insert} made to insert nothing, rather than fail, when a row with the same unique key exists; the caller
     * tells by the count of inserted rows. On PostgreSQL a failed statement aborts the surrounding transaction, so the
     * conflict is avoided with {@code ON CONFLICT DO NOTHING}, which also waits for a concurrent insert of the same
     * key to end. H2 has no such clause, but a failed statement there leaves the transaction usable: the caller turns
     * its {@link org.springframework.dao.DuplicateKeyException} into the same outcome.
     */
    public String insertUnlessPresent(String insert) {
        return this == POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
    }
}
