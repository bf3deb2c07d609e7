using Faultline.Ml;

return args switch
{
    ["export", .. var rest] => await TrainingExport.RunAsync(Arguments.Parse(rest)),
    ["verify", .. var rest] => ModelVerification.Run(Arguments.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Faultline.Ml export --manifest <labels.jsonl> --root <dir> --out <dir>
               Faultline.Ml verify --models <models dir> --dataset <real dataset root>
        """);
    return 2;
}
