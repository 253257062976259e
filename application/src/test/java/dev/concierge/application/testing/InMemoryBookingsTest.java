package dev.concierge.application.testing;

import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryBookingsTest extends BookingsContractTest {

    @Override
    protected Bookings bookings() {
        return new InMemoryBookings();
    }

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Override
    protected Tenants tenants() {
        return new InMemoryTenants();
    }

    /** The store checks every overlap under its lock. */
    @Override
    protected boolean refusesPartialOverlaps() {
        return true;
    }
}
