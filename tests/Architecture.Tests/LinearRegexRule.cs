using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Faultline.Architecture.Tests;

/// <summary>
/// Every regular expression runs with RegexOptions.NonBacktracking, so matching is linear in the
/// input whatever a user or a log sends: the compiled code may build a regex only from a constant
/// options value that includes it ([GeneratedRegex], new Regex, Regex's static helpers), and may not
/// hand FluentValidation a pattern string (it builds a backtracking regex of its own).
/// </summary>
public static class LinearRegexRule
{
    public const string Why = "Every regex runs with RegexOptions.NonBacktracking (linear time on user and log text)";

    private const string RegexType = "System.Text.RegularExpressions.Regex";
    private const int NonBacktracking = 0x400;

    /// <summary>Where the types build a regex that may backtrack, as "Type.Method: why".</summary>
    public static IReadOnlyList<string> ViolationsIn(IEnumerable<TypeDefinition> types)
    {
        var violations = new List<string>();
        foreach (var type in types.SelectMany(WithNested))
        {
            foreach (var method in type.Methods)
            {
                var where = $"{type.FullName}.{method.Name}";
                if (GeneratedWithout(method.CustomAttributes)) violations.Add($"{where}: [GeneratedRegex] without NonBacktracking");
                if (!method.HasBody) continue;
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference called && Builds(called) is { } check && check(instruction) is { } problem)
                        violations.Add($"{where}: {problem}");
                }
            }

            foreach (var property in type.Properties.Where(p => GeneratedWithout(p.CustomAttributes)))
                violations.Add($"{type.FullName}.{property.Name}: [GeneratedRegex] without NonBacktracking");
        }

        return violations.Distinct().Order().ToList();
    }

    public static IReadOnlyList<string> ViolationsIn(AssemblyDefinition assembly) => ViolationsIn(assembly.MainModule.Types);

    // Lambdas and iterators compile to nested types, at any depth.
    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => type.NestedTypes.SelectMany(WithNested).Prepend(type);

    private static bool GeneratedWithout(IEnumerable<CustomAttribute> attributes) =>
        attributes.Any(a => a.AttributeType.FullName == "System.Text.RegularExpressions.GeneratedRegexAttribute"
                            && (a.ConstructorArguments.Count < 2 || ((int)a.ConstructorArguments[1].Value & NonBacktracking) == 0));

    /// <summary>For a call that builds a regex from a pattern: what is wrong with it at that call site, or nothing.</summary>
    private static Func<Instruction, string?>? Builds(MethodReference called)
    {
        var declaring = called.DeclaringType.FullName;
        if (declaring.StartsWith("FluentValidation.", StringComparison.Ordinal) && called.Name == "Matches"
            && called.Parameters.Any(p => p.ParameterType.FullName == "System.String"))
            return _ => "FluentValidation Matches(pattern string) builds a backtracking regex; pass a NonBacktracking one";
        if (declaring != RegexType) return null;
        // Constructors take the pattern first, static helpers second (after the input); references carry no parameter names.
        // The rest (Regex() of generated subclasses, instance methods, Escape) build no regex.
        var patternAt = called.Name == ".ctor" ? 0 : called.HasThis ? -1 : 1;
        if (patternAt < 0 || called.Parameters.Count <= patternAt) return null;
        if (called.Parameters[patternAt].ParameterType.FullName != "System.String") return null;

        var optionsAt = called.Parameters.ToList().FindIndex(p => p.ParameterType.FullName == "System.Text.RegularExpressions.RegexOptions");
        return instruction => optionsAt < 0 ? $"{called.Name} without RegexOptions.NonBacktracking"
            : ConstantArgument(instruction, called, optionsAt) is { } options && (options & NonBacktracking) != 0 ? null
            : $"{called.Name} whose options are not a constant including NonBacktracking";
    }

    /// <summary>The constant the straight-line code before a call pushed as its argument at <paramref name="index"/>, if it is one.</summary>
    private static int? ConstantArgument(Instruction call, MethodReference called, int index)
    {
        // Values pushed after the argument (the later arguments) are stepped over, walking back.
        var above = called.Parameters.Count - 1 - index;
        for (var instruction = call.Previous; instruction is not null; instruction = instruction.Previous)
        {
            if (StackEffect(instruction) is not { } effect) return null;
            var (pops, pushes) = effect;
            if (above < pushes) return pushes == 1 ? Constant(instruction) : null;
            above += pops - pushes;
        }

        return null;
    }

    private static int? Constant(Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Ldc_I4 => (int)instruction.Operand,
        Code.Ldc_I4_S => (sbyte)instruction.Operand,
        >= Code.Ldc_I4_M1 and <= Code.Ldc_I4_8 => instruction.OpCode.Code - Code.Ldc_I4_0,
        _ => null,
    };

    /// <summary>How many values the instruction takes off the stack and puts on it; null for a return or an unknown call.</summary>
    private static (int Pops, int Pushes)? StackEffect(Instruction instruction)
    {
        var opCode = instruction.OpCode;
        if (instruction.Operand is MethodReference method && opCode.FlowControl == FlowControl.Call)
        {
            var isNew = opCode.Code == Code.Newobj;
            var pops = method.Parameters.Count + (method.HasThis && !isNew ? 1 : 0) + (opCode.Code == Code.Calli ? 1 : 0);
            return (pops, isNew || method.ReturnType.FullName != "System.Void" ? 1 : 0);
        }

        if (opCode.StackBehaviourPop == StackBehaviour.Varpop) return null;
        var popCount = opCode.StackBehaviourPop switch
        {
            StackBehaviour.Pop0 => 0,
            StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
            StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or StackBehaviour.Popref_popi_popr4
                or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
            _ => 2,
        };
        var pushCount = opCode.StackBehaviourPush switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1_push1 => 2,
            _ => 1,
        };
        return (popCount, pushCount);
    }
}
