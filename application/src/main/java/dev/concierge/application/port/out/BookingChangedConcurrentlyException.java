package dev.concierge.application.port.out;

/** The booking changed since it was read (the owner and the visitor acting at once); read it again and retry. */
public final class BookingChangedConcurrentlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BookingChangedConcurrentlyException(Object id) {
        super("booking " + id + " changed concurrently", null, false, false);
    }
}
