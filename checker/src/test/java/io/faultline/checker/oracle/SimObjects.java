package io.faultline.checker.oracle;

import io.faultline.checker.history.Value;
import io.faultline.checker.oracle.SimObject.Invocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Fresh {@link SimObject}s by model name, with small value domains so that histories collide. */
final class SimObjects {
    /** Keys in a fixed order, so that a state prints and compares the same in every run. */
    private static final Comparator<Value> ORDER = Comparator.comparing(Value::toString);

    private SimObjects() {
    }

    static SimObject forModel(String model) {
        switch (model) {
            case "register":
                return new Register(false);
            case "cas-register":
            case "cas-register-etcd":
                return new Register(true);
            case "multi-register":
                return new MultiRegister();
            case "mutex":
                return new Mutex();
            case "set":
                return new GrowSet();
            case "fifo-queue":
                return new Queue(true);
            case "unordered-queue":
                return new Queue(false);
            case "kv":
                return new Kv();
            case "s3-object":
                return new S3();
            default:
                throw new IllegalArgumentException(model);
        }
    }

    private static Value other(Value v, int arg) {
        Value w = Value.of(arg % 3);
        return w.equals(v) ? Value.of(7) : w;
    }

    /** A register, with cas when {@code cas}; absent (nil) at first. */
    private static final class Register implements SimObject {
        private final boolean cas;
        private Value value = Value.NIL;

        Register(boolean cas) {
            this.cas = cas;
        }

        public Invocation invoke(int choice, int arg) {
            int kind = choice % (cas ? 3 : 2);
            if (kind == 0) {
                return new Invocation("read", Value.NIL);
            }
            if (kind == 1) {
                return new Invocation("write", Value.of(arg % 3));
            }
            return new Invocation("cas", Value.vec(Value.of(arg % 3), Value.of((arg / 3) % 3)));
        }

        public Optional<Value> apply(Invocation inv) {
            if (inv.f().equals("read")) {
                return Optional.of(value);
            }
            if (inv.f().equals("write")) {
                value = inv.value();
                return Optional.of(inv.value());
            }
            Value.Vec v = (Value.Vec) inv.value();
            if (!v.items().get(0).equals(value)) {
                return Optional.empty();
            }
            value = v.items().get(1);
            return Optional.of(inv.value());
        }

        public Value state() {
            return value;
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            return inv.f().equals("read") ? other(ok, arg) : ok;
        }
    }

    /** Registers x and y read and written in transactions. */
    private static final class MultiRegister implements SimObject {
        private final Map<Value, Value> regs = new HashMap<>();

        public Invocation invoke(int choice, int arg) {
            List<Value> micro = new ArrayList<>();
            int n = 1 + choice % 2;
            for (int i = 0; i < n; i++) {
                int bits = arg >> (3 * i);
                Value k = Value.kw((bits & 1) == 0 ? "x" : "y");
                micro.add((bits & 2) == 0 ? Value.vec(Value.kw("r"), k, Value.NIL)
                        : Value.vec(Value.kw("w"), k, Value.of((bits >> 2) & 1)));
            }
            return new Invocation("txn", Value.vec(micro));
        }

        public Optional<Value> apply(Invocation inv) {
            List<Value> out = new ArrayList<>();
            for (Value m : ((Value.Vec) inv.value()).items()) {
                List<Value> mv = ((Value.Vec) m).items();
                if (mv.get(0).equals(Value.kw("w"))) {
                    regs.put(mv.get(1), mv.get(2));
                    out.add(m);
                } else {
                    out.add(Value.vec(mv.get(0), mv.get(1), regs.getOrDefault(mv.get(1), Value.NIL)));
                }
            }
            return Optional.of(Value.vec(out));
        }

        public Value state() {
            Map<Value, Value> out = new TreeMap<>(ORDER);
            out.putAll(regs);
            return new Value.MapV(out);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            List<Value> out = new ArrayList<>(((Value.Vec) ok).items());
            for (int i = 0; i < out.size(); i++) {
                List<Value> mv = ((Value.Vec) out.get(i)).items();
                if (mv.get(0).equals(Value.kw("r"))) {
                    out.set(i, Value.vec(mv.get(0), mv.get(1), other(mv.get(2), arg)));
                    return Value.vec(out);
                }
            }
            return ok;
        }
    }

    /** A lock; acquiring a held lock or releasing a free one fails. */
    private static final class Mutex implements SimObject {
        private boolean held;

        public Invocation invoke(int choice, int arg) {
            return new Invocation(choice % 2 == 0 ? "acquire" : "release", Value.NIL);
        }

        public Optional<Value> apply(Invocation inv) {
            boolean acquire = inv.f().equals("acquire");
            if (acquire == held) {
                return Optional.empty();
            }
            held = acquire;
            return Optional.of(Value.NIL);
        }

        public Value state() {
            return Value.of(held);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            return ok;
        }
    }

    /** A grow-only set of small ints. */
    private static final class GrowSet implements SimObject {
        private final TreeSet<Long> elements = new TreeSet<>();

        public Invocation invoke(int choice, int arg) {
            return choice % 2 == 0 ? new Invocation("read", Value.NIL) : new Invocation("add", Value.of(arg % 4));
        }

        public Optional<Value> apply(Invocation inv) {
            if (inv.f().equals("add")) {
                elements.add(((Value.Int) inv.value()).value());
                return Optional.of(inv.value());
            }
            List<Value> out = new ArrayList<>();
            for (long e : elements) {
                out.add(Value.of(e));
            }
            return Optional.of(Value.vec(out));
        }

        public Value state() {
            List<Value> out = new ArrayList<>();
            for (long e : elements) {
                out.add(Value.of(e));
            }
            return Value.vec(out);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            if (!inv.f().equals("read")) {
                return ok;
            }
            List<Value> out = new ArrayList<>(((Value.Vec) ok).items());
            Value extra = Value.of(arg % 4);
            if (out.contains(extra)) {
                out.remove(extra);
            } else {
                out.add(extra);
            }
            return Value.vec(out);
        }
    }

    /** A queue: FIFO when {@code fifo}, else dequeues the element chosen by the invocation's arg. */
    private static final class Queue implements SimObject {
        private final boolean fifo;
        private final List<Value> items = new ArrayList<>();
        private final Map<Invocation, Integer> pick = new HashMap<>();
        private int next;

        Queue(boolean fifo) {
            this.fifo = fifo;
        }

        public Invocation invoke(int choice, int arg) {
            if (choice % 2 == 0) {
                // Distinct values mostly, with some repeats to exercise duplicates.
                return new Invocation("enqueue", Value.of(arg % 5 == 0 ? 0 : ++next));
            }
            Invocation inv = new Invocation("dequeue", Value.NIL);
            return inv;
        }

        public Optional<Value> apply(Invocation inv) {
            if (inv.f().equals("enqueue")) {
                items.add(inv.value());
                return Optional.of(inv.value());
            }
            if (items.isEmpty()) {
                return Optional.of(Value.NIL);
            }
            int i = fifo ? 0 : (items.size() - 1);
            return Optional.of(items.remove(i));
        }

        public Value state() {
            return Value.vec(items);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            if (!inv.f().equals("dequeue")) {
                return ok;
            }
            return ok.isNil() ? Value.of(99) : (arg % 2 == 0 ? Value.NIL : Value.of(98));
        }
    }

    /** A string key-value store over keys a and b; missing keys read "". */
    private static final class Kv implements SimObject {
        private final Map<Value, String> data = new TreeMap<>(ORDER);

        public Invocation invoke(int choice, int arg) {
            Value k = Value.of(arg % 2 == 0 ? "a" : "b");
            switch (choice % 3) {
                case 0:
                    return new Invocation("get", Value.vec(k, Value.NIL));
                case 1:
                    return new Invocation("put", Value.vec(k, Value.of("p" + (arg / 2) % 2)));
                default:
                    return new Invocation("append", Value.vec(k, Value.of("x" + (arg / 2) % 2)));
            }
        }

        public Optional<Value> apply(Invocation inv) {
            List<Value> kv = ((Value.Vec) inv.value()).items();
            Value k = kv.get(0);
            String s = ((Value.Str) (kv.get(1).isNil() ? Value.of("") : kv.get(1))).value();
            switch (inv.f()) {
                case "get":
                    return Optional.of(Value.vec(k, Value.of(data.getOrDefault(k, ""))));
                case "put":
                    data.put(k, s);
                    return Optional.of(inv.value());
                default:
                    data.put(k, data.getOrDefault(k, "") + s);
                    return Optional.of(inv.value());
            }
        }

        public Value state() {
            Map<Value, Value> out = new TreeMap<>(ORDER);
            data.forEach((k, v) -> out.put(k, Value.of(v)));
            return new Value.MapV(out);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            if (!inv.f().equals("get")) {
                return ok;
            }
            List<Value> kv = ((Value.Vec) ok).items();
            return Value.vec(kv.get(0), Value.of(((Value.Str) kv.get(1)).value() + "z"));
        }
    }

    /** S3 objects a and b: get of an absent key returns nil (404). */
    private static final class S3 implements SimObject {
        private final Map<Value, Value> objects = new TreeMap<>(ORDER);

        public Invocation invoke(int choice, int arg) {
            Value k = Value.of(arg % 2 == 0 ? "a" : "b");
            switch (choice % 3) {
                case 0:
                    return new Invocation("get", Value.vec(k, Value.NIL));
                case 1:
                    return new Invocation("put", Value.vec(k, Value.of((arg / 2) % 3)));
                default:
                    return new Invocation("delete", Value.vec(k, Value.NIL));
            }
        }

        public Optional<Value> apply(Invocation inv) {
            List<Value> kv = ((Value.Vec) inv.value()).items();
            switch (inv.f()) {
                case "get":
                    return Optional.of(Value.vec(kv.get(0), objects.getOrDefault(kv.get(0), Value.NIL)));
                case "put":
                    objects.put(kv.get(0), kv.get(1));
                    return Optional.of(inv.value());
                default:
                    objects.remove(kv.get(0));
                    return Optional.of(inv.value());
            }
        }

        public Value state() {
            return new Value.MapV(objects);
        }

        public Value corrupt(Invocation inv, Value ok, int arg) {
            if (!inv.f().equals("get")) {
                return ok;
            }
            List<Value> kv = ((Value.Vec) ok).items();
            return Value.vec(kv.get(0), other(kv.get(1), arg));
        }
    }
}
