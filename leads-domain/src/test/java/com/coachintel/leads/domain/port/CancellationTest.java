package com.coachintel.leads.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void is_current_only_while_its_work_runs_and_restores_an_outer_one() {
        Cancellation outer = new Cancellation();
        Cancellation inner = new Cancellation();

        assertThat(Cancellation.current()).isEmpty();
        outer.run(() -> {
            assertThat(Cancellation.current()).containsSame(outer);
            inner.run(() -> assertThat(Cancellation.current()).containsSame(inner));
            assertThat(Cancellation.current()).containsSame(outer);
            return null;
        });
        assertThat(Cancellation.current()).isEmpty();
    }

    @Test
    void cancel_runs_each_open_registration_once_and_none_that_was_closed() {
        Cancellation cancellation = new Cancellation();
        List<String> ran = new ArrayList<>();
        cancellation.whenCancelled(() -> ran.add("open"));
        cancellation.whenCancelled(() -> ran.add("closed")).close();

        cancellation.cancel();
        cancellation.cancel();

        assertThat(ran).containsExactly("open");
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void an_action_registered_after_the_cancel_runs_at_once() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        List<String> ran = new ArrayList<>();

        cancellation.whenCancelled(() -> ran.add("late"));

        assertThat(ran).containsExactly("late");
    }
}
