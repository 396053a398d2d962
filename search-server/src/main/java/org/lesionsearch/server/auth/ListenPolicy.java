package org.lesionsearch.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A server without tokens listens on the loopback interface only: anywhere else anyone could read patient data. */
public final class ListenPolicy {

    private ListenPolicy() {
    }

    /** @throws IllegalStateException saying why and what to do, when {@code host} is not loopback and nothing authenticates */
    public static void check(String host, boolean authenticates) {
        if (!authenticates && !isLoopback(host)) {
            throw new IllegalStateException("refusing to listen on " + host + " without authentication: anyone who can"
                    + " reach that address could read patient data. Make tokens with 'lesion-search token create NAME"
                    + " --role ROLE --tokens FILE' and start the server with --tokens FILE, or listen on 127.0.0.1");
        }
    }

    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
