package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The wire names that message events and consents are stored and sent under. */
class MessageWireNamesTest {

    @Test
    void message_channels_parse_their_own_lower_case_names_and_nothing_else() {
        assertThat(MessageChannel.EMAIL.wireName()).isEqualTo("email");
        assertParsesOnlyItsOwnNames(MessageChannel.values(), MessageChannel::wireName, MessageChannel::fromWireName);
        assertThat(MessageChannel.fromWireName("fax")).isEmpty();
    }

    @Test
    void message_event_types_parse_their_own_lower_case_names_and_nothing_else() {
        assertThat(MessageEventType.UNSUBSCRIBED.wireName()).isEqualTo("unsubscribed");
        assertThat(MessageEventType.COMPLAINED.wireName()).isEqualTo("complained");
        assertParsesOnlyItsOwnNames(MessageEventType.values(), MessageEventType::wireName, MessageEventType::fromWireName);
        assertThat(MessageEventType.fromWireName("")).isEmpty();
    }

    @Test
    void consent_channels_parse_their_own_lower_case_names_and_nothing_else() {
        assertThat(ConsentChannel.EMAIL.wireName()).isEqualTo("email");
        assertThat(ConsentChannel.SMS.wireName()).isEqualTo("sms");
        assertParsesOnlyItsOwnNames(ConsentChannel.values(), ConsentChannel::wireName, ConsentChannel::fromWireName);
        assertThat(ConsentChannel.fromWireName("status")).as("the detail statement's other row kind").isEmpty();
    }

    private static <E extends Enum<E>> void assertParsesOnlyItsOwnNames(E[] values, Function<E, String> wireName,
            Function<String, Optional<E>> parse) {
        for (E value : values) {
            assertThat(parse.apply(wireName.apply(value))).contains(value);
            assertThat(parse.apply(value.name())).as("upper case is not a wire name").isEmpty();
        }
        assertThat(parse.apply(null)).isEmpty();
    }
}
