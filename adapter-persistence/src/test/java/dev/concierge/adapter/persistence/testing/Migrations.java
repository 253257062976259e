package dev.concierge.adapter.persistence.testing;

/**
 * Where the Flyway migrations are, as the application configures them ({@code spring.flyway.locations}): the SQL
 * both databases share, then what only one of them needs.
 */
public final class Migrations {

    private Migrations() {
    }

    /** @param vendor Flyway's name for the database: {@code h2} or {@code postgresql} */
    public static String[] locations(String vendor) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }
}
