package dev.concierge.bootstrap.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link ConfigurationProblemException} as its one-line reason and what to do, without a stack trace. */
public final class ConfigurationProblemFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblemException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblemException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
