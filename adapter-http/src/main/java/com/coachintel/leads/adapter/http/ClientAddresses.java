package com.coachintel.leads.adapter.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request: the socket's address, unless that address is a trusted proxy ({@code LEADS_TRUSTED_PROXIES}).
 * Then it is the right-most {@code X-Forwarded-For} address that is not itself a trusted proxy: every proxy
 * appends the address it received from, so the addresses left of the first untrusted one are whatever the client
 * chose to send and cannot be believed.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;

    ClientAddresses(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client's address as text, such as {@code 203.0.113.7}. */
    String of(Context ctx) {
        String socket = ctx.req().getRemoteAddr();
        Optional<InetAddress> remote = Cidr.literal(socket);
        if (remote.isEmpty() || !trusted(remote.get())) {
            return remote.map(InetAddress::getHostAddress).orElse(socket);
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                forwarded.add(hop.strip());
            }
        }
        InetAddress client = remote.get();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(forwarded.get(i));
            if (hop.isEmpty()) {
                break; // garbage from here leftwards: the last good hop is as far as the chain can be believed
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        for (Cidr block : trustedProxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
