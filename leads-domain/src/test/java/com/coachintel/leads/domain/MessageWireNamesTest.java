package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wire names that message events and consents are stored and sent under. */
class MessageWireNamesTest {

    @Test
    void message_channels_parse_their_own_lower_case_names_and_nothing_else() {
        assertThat(MessageChannel.EMAIL.wireName()).isEqualTo("email");
        for (MessageChannel channel : MessageChannel.values()) {
            assertThat(MessageChannel.fromWireName(channel.wireName())).contains(channel);
        }
        assertThat(MessageChannel.fromWireName("EMAIL")).isEmpty();
        assertThat(MessageChannel.fromWireName("fax")).isEmpty();
        assertThat(MessageChannel.fromWireName(null)).isEmpty();
    }

    @Test
    void message_event_types_parse_their_own_lower_case_names_and_nothing_else() {
        assertThat(MessageEventType.UNSUBSCRIBED.wireName()).isEqualTo("unsubscribed");
        for (MessageEventType type : MessageEventType.values()) {
            assertThat(MessageEventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(MessageEventType.fromWireName("Sent")).isEmpty();
        assertThat(MessageEventType.fromWireName("")).isEmpty();
        assertThat(MessageEventType.fromWireName(null)).isEmpty();
    }

    @Test
    void consent_channels_are_named_in_lower_case() {
        assertThat(ConsentChannel.EMAIL.wireName()).isEqualTo("email");
        assertThat(ConsentChannel.SMS.wireName()).isEqualTo("sms");
    }
}
