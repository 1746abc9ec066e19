package nl.loket.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkbenchLabelsTest {

    @Test
    void aWaitOrATargetIsSaidInMinutesHoursOrDaysAsAPersonWouldSayIt() {
        assertThat(WorkbenchLabels.duration(0)).isEqualTo("0 min");
        assertThat(WorkbenchLabels.duration(59)).isEqualTo("59 min");
        assertThat(WorkbenchLabels.duration(60)).isEqualTo("1 uur");
        assertThat(WorkbenchLabels.duration(185)).isEqualTo("3 uur 5 min");
        assertThat(WorkbenchLabels.duration(24 * 60)).isEqualTo("1 dag");
        assertThat(WorkbenchLabels.duration(39 * 60 + 59)).isEqualTo("1 dag 15 uur");
        assertThat(WorkbenchLabels.duration(2 * 24 * 60)).isEqualTo("2 dagen");
    }
}
