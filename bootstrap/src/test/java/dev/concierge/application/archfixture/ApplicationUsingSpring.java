package dev.concierge.application.archfixture;

import org.springframework.transaction.annotation.Transactional;

/** Breaks the application rule on purpose: services carry no framework annotations. Test source only. */
public class ApplicationUsingSpring {

    @Transactional
    public void work() {
    }
}
