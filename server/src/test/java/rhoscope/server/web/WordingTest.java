package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rhoscope.lang.parse.TypeParser;
import rhoscope.server.web.Reading.Tone;

class WordingTest {
  private static Reading read(String type) {
    return Wording.of(TypeParser.parse("query", type));
  }

  @ParameterizedTest(name = "{0}: yes reads ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "not deadlock_free             | can deadlock                  | WARNING | cannot deadlock               | GOOD",
        "deadlock_free                 | cannot deadlock               | GOOD    | can deadlock                  | WARNING",
        "eventually deadlock           | can deadlock                  | WARNING | cannot deadlock               | GOOD",
        "not eventually deadlock       | cannot deadlock               | GOOD    | can deadlock                  | WARNING",
        "not not can_deadlock          | can deadlock                  | WARNING | cannot deadlock               | GOOD",
        "terminates                    | terminates on every run       | GOOD    | may never terminate           | WARNING",
        "not terminates                | may never terminate           | WARNING | terminates on every run       | GOOD",
        "race_free(balance)            | cannot race on balance        | GOOD    | can race on balance           | WARNING",
        "can_value_race(balance)       | can race for a value on balance | WARNING | cannot race for a value on balance | GOOD",
        "can_communicate(\"ack\")      | can communicate on \"ack\"    | NEUTRAL | cannot communicate on \"ack\" | NEUTRAL",
        "always contains \"lock\"!(_)  | every reachable state holds \"lock\"!(_) | NEUTRAL | can reach a state that does not hold \"lock\"!(_) | NEUTRAL",
        "deadlock_free and terminates  | cannot deadlock and terminates on every run | GOOD | can deadlock or may never terminate | WARNING",
        "not (can_deadlock or can_terminate) | cannot deadlock and cannot terminate | WARNING | can deadlock or can terminate | WARNING",
      })
  void aVerdictIsSaidInTheWordsOfTheType(
      String type, String yes, Tone yesTone, String no, Tone noTone) {
    Reading r = read(type);
    assertThat(r.yes().text()).isEqualTo(yes);
    assertThat(r.yes().tone()).isEqualTo(yesTone);
    assertThat(r.no().text()).isEqualTo(no);
    assertThat(r.no().tone()).isEqualTo(noTone);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"not deadlock_free", "not race_free(n)", "not not deadlock_free", "not terminates"})
  void noPhraseCarriesADoubleNegative(String type) {
    Reading r = read(type);
    for (Reading.Phrase p : new Reading.Phrase[] {r.yes(), r.no(), r.unknown()}) {
      assertThat(p.text()).doesNotContain("not not", "cannot never", "not cannot", "no race on");
      assertThat(p.text().split("\\b(not|cannot|never|no)\\b", -1).length - 1)
          .as(p.text())
          .isLessThanOrEqualTo(1);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"not deadlock_free", "terminates"})
  void anUnknownVerdictSaysWhatIsOpen(String type) {
    Reading r = read(type);
    assertThat(r.unknown().text()).isEqualTo("undecided whether it " + r.yes().text());
    assertThat(r.unknown().tone()).isEqualTo(Tone.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"contains \"x\"!(_) | contains \"x\"!(_)"})
  void aTypeOfNoKnownShapeIsNamedAsWritten(String type, String printed) {
    Reading r = read(type);
    assertThat(r.yes().text()).isEqualTo("has the type " + printed);
    assertThat(r.no().text()).isEqualTo("does not have the type " + printed);
  }

  @ParameterizedTest
  @CsvSource({"terminate, terminates", "reach a state, reaches a state", "race on n, races on n",
      "carry, carries", "play, plays"})
  void theFirstWordIsConjugated(String verb, String third) {
    assertThat(Wording.thirdPerson(verb)).isEqualTo(third);
  }
}
