package io.faultline.faults.byteman;

/** Run by MissingAttachFlagTest in a JVM started without the attach flag: prints what install says. */
final class NoAttachFlagMain {
    private NoAttachFlagMain() {
    }

    public static void main(String[] args) {
        try (Injection i = Byteman.install(Rules.returnEarly(Disk.class, "write(int)"))) {
            System.out.println("INSTALLED");
        } catch (IllegalStateException e) {
            System.out.println("ERROR: " + e.getMessage());
        }
    }
}
