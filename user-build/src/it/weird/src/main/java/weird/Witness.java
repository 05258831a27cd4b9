package weird;

/** A user class named like the generated code's helper Witness, with a static method "value". */
public final class Witness {
  private Witness() {}

  public static String value(Object o) {
    return "witnessed " + o;
  }
}
