package io.laku.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

    static Args parse(String... argv) {
        return Args.parse(List.of(argv), Set.of("service", "from"), Set.of("all"));
    }

    @Test
    void optionsTakeTheirValueEitherWay() {
        Args args = parse("session", "--service", "payment", "--from=2026-05-01T08:00:00Z", "--all", "--json");
        assertThat(args.positionals()).containsExactly("session");
        assertThat(args.required("service")).isEqualTo("payment");
        assertThat(args.instant("from")).contains(Instant.parse("2026-05-01T08:00:00Z"));
        assertThat(args.flag("all")).isTrue();
        assertThat(args.flag("json")).isTrue();
        assertThat(args.flag("quiet")).isFalse();
    }

    @Test
    void anUndeclaredOptionIsAUsageError() {
        assertThatThrownBy(() -> parse("--servce", "payment")).isInstanceOf(UsageException.class)
                .hasMessage("unknown option --servce");
        assertThatThrownBy(() -> parse("-x")).isInstanceOf(UsageException.class).hasMessage("unknown option -x");
    }

    @Test
    void aValueOptionNeedsItsValueAndOnlyOnce() {
        assertThatThrownBy(() -> parse("--service")).isInstanceOf(UsageException.class).hasMessage("--service needs a value");
        assertThatThrownBy(() -> parse("--service", "--all")).isInstanceOf(UsageException.class)
                .hasMessage("--service needs a value");
        assertThatThrownBy(() -> parse("--service", "a", "--service", "b")).isInstanceOf(UsageException.class)
                .hasMessage("--service given twice");
        assertThatThrownBy(() -> parse("--all=yes")).isInstanceOf(UsageException.class).hasMessage("--all takes no value");
    }

    @Test
    void exactlyOneOfAlternatives() {
        assertThat(parse("--all").exactlyOne("service", "all")).isEqualTo("all");
        assertThatThrownBy(() -> parse().exactlyOne("service", "all")).isInstanceOf(UsageException.class)
                .hasMessage("give one of --service | --all");
        assertThatThrownBy(() -> parse("--all", "--service", "x").exactlyOne("service", "all"))
                .isInstanceOf(UsageException.class).hasMessage("give only one of --service | --all");
    }

    @Test
    void positionalsAreCountedByName() {
        assertThatThrownBy(() -> parse("session").expectPositionals("what", "its id")).isInstanceOf(UsageException.class)
                .hasMessage("missing its id");
        assertThatThrownBy(() -> parse("a", "b", "c").expectPositionals("what", "its id")).isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument 'c'");
    }

    @Test
    void timesAreIsoInstantsOrDates() {
        assertThat(Args.parseInstant("--from", "2026-05-01")).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(Args.parseInstant("--from", "2026-05-01T08:30:00.250Z")).isEqualTo(Instant.parse("2026-05-01T08:30:00.250Z"));
        assertThatThrownBy(() -> Args.parseInstant("--from", "yesterday")).isInstanceOf(UsageException.class)
                .hasMessage("--from must be an ISO-8601 instant such as 2026-05-01T08:00:00Z, not 'yesterday'");
    }

    @Test
    void idsAreWholeUuids() {
        assertThat(Args.parseUuid("session id", "346BB52B-7CD2-436D-B374-B05A0F52771F").toString())
                .isEqualTo("346bb52b-7cd2-436d-b374-b05a0f52771f");
        assertThatThrownBy(() -> Args.parseUuid("session id", "1-2-3-4-5")).isInstanceOf(UsageException.class)
                .hasMessage("session id must be a UUID, not '1-2-3-4-5'");
    }
}
