namespace Faultline.Ml;

internal static class ModelVerification
{
    public static int Run(Arguments arguments) => throw new NotImplementedException(arguments.Required("models"));
}
