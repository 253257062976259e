package dev.concierge.bootstrap.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a sign-in the server generated for itself on its first start (the platform admin's, the demo owner's), the
 * one time it exists in plain text: afterwards only its hash is kept. For development on embedded defaults only.
 */
public final class FirstStartCredentials {

    private static final Logger log = LoggerFactory.getLogger(FirstStartCredentials.class);

    private FirstStartCredentials() {
    }

    public static void print(String account, String email, String password, String note) {
        log.info("""


                Generated sign-in for the {}: {} / {}
                This password is shown once and is for development use only. {}
                """, account, email, password, note);
    }
}
