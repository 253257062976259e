package dev.concierge.bootstrap.startup;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;

/**
 * Work that runs in the background while the server runs, such as a poll on an interval: started with the
 * application context, disposed when it stops.
 */
public abstract class BackgroundTask implements SmartLifecycle {

    private volatile Disposable running;

    /** Subscribes to the work; the returned subscription is disposed on stop. */
    protected abstract Disposable begin();

    @Override
    public final void start() {
        running = begin();
    }

    @Override
    public final void stop() {
        Disposable task = running;
        if (task != null) {
            task.dispose();
        }
        running = null;
    }

    @Override
    public final boolean isRunning() {
        return running != null;
    }
}
