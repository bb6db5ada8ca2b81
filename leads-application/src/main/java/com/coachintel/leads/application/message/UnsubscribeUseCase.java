package com.coachintel.leads.application.message;

/**
 * A one-click unsubscribe (RFC 8058): records that the lead of an authentic link withdrew consent on its channel.
 * Answers nothing either way: a page that said whether a link was valid, or whose it was, would tell strangers.
 */
public interface UnsubscribeUseCase {

    /**
     * Appends a revoked consent (source {@code unsubscribe-link}) when the link is authentic and the lead exists,
     * unless that consent is already revoked; anything else changes nothing. Parameters as the link carries them.
     */
    void unsubscribe(String leadId, String channel, String version, String token);
}
