package dev.concierge.bootstrap.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link DatabaseConfigurationException} as its one-line reason and what to do, without a stack trace. */
public final class DatabaseConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
