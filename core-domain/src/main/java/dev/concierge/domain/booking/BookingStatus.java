package dev.concierge.domain.booking;

/** Where a booking stands. */
public enum BookingStatus {
    /** The visitor asked for the slot; the owner has not answered yet. The slot is taken. */
    REQUESTED,
    /** The owner confirmed. The slot is taken. */
    CONFIRMED,
    /** The owner or the visitor cancelled. The slot is free again. */
    CANCELLED;

    /** Whether a booking in this status holds its slot. */
    public boolean holdsSlot() {
        return this != CANCELLED;
    }
}
