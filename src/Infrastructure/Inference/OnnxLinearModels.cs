using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Faultline.Application.Classification;
using Faultline.Application.Classification.Training;

namespace Faultline.Infrastructure.Inference;

/// <summary>
/// Writes and reads linear classifiers as ONNX models, in the graph ml/faultline_ml/onnx_export.py gives the shipped linear
/// model: features[N, D] → MatMul W[D, K] → Add b[K] → Softmax(axis 1) → probabilities[N, K], and ArgMax → label[N]
/// (opset 13, IR version 8). Hand-written protobuf (varints and length-delimited fields of the ten messages involved) rather
/// than a protobuf package: no generated ONNX classes are needed for so small a graph, and nothing is added to the deployment.
/// </summary>
public sealed class OnnxLinearModels : ILinearModelSerializer
{
    public const string Input = "features";
    public const string Output = "probabilities";

    private const int FloatType = 1, Int64Type = 7, IntAttribute = 2;

    public byte[] Serialize(LinearModel model, IReadOnlyDictionary<string, string> metadata)
    {
        var (d, k) = (model.Features, model.Classes.Count);
        var graph = new Proto()
            .Message(1, Node("MatMul", [Input, "W"], ["logits_wx"], "matmul"))
            .Message(1, Node("Add", ["logits_wx", "b"], ["logits"], "bias"))
            .Message(1, Node("Softmax", ["logits"], [Output], "softmax", ("axis", 1)))
            .Message(1, Node("ArgMax", ["logits"], ["label"], "argmax", ("axis", 1), ("keepdims", 0)))
            .String(2, "faultline_linear_classifier")
            .Message(5, Tensor("W", [d, k], model.Weights))
            .Message(5, Tensor("b", [k], model.Bias))
            .Message(11, Value(Input, FloatType, "N", d))
            .Message(12, Value(Output, FloatType, "N", k))
            .Message(12, Value("label", Int64Type, "N"));
        var proto = new Proto()
            .Varint(1, 8)
            .String(2, "faultline")
            .String(3, "1")
            .String(6, "Faultline failure classifier trained on a tenant's labelled jobs: multinomial logistic regression. Classes: "
                       + string.Join(',', model.Classes))
            .Message(7, graph)
            .Message(8, new Proto().String(1, "").Varint(2, 13));
        foreach (var (key, value) in metadata) proto.Message(14, new Proto().String(1, key).String(2, value));
        return proto.ToArray();
    }

    /// <summary>
    /// The weights of a linear classifier written in this graph (W and b among the initializers); null when the model has no
    /// such initializers (a tree ensemble).
    /// </summary>
    public static LinearModel? Read(ReadOnlySpan<byte> onnx, IReadOnlyList<string> classes)
    {
        float[]? weights = null, bias = null;
        long[] weightShape = [];
        foreach (var (field, graph) in Fields(onnx))
        {
            if (field != 7) continue;
            foreach (var (graphField, tensor) in Fields(graph.Span))
            {
                if (graphField != 5) continue;
                var (name, dims, values) = ReadTensor(tensor.Span);
                if (name == "W") (weights, weightShape) = (values, dims);
                if (name == "b") bias = values;
            }
        }

        if (weights is null || bias is null || weightShape is not [var d, var k] || k != classes.Count) return null;
        return new LinearModel(classes, checked((int)d), weights, bias);
    }

    private static Proto Node(string op, string[] inputs, string[] outputs, string name, params (string Name, long Value)[] attributes)
    {
        var node = new Proto();
        foreach (var input in inputs) node.String(1, input);
        foreach (var output in outputs) node.String(2, output);
        node.String(3, name).String(4, op);
        foreach (var (attribute, value) in attributes) node.Message(5, new Proto().String(1, attribute).Varint(3, value).Varint(20, IntAttribute));
        return node;
    }

    private static Proto Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new Proto();
        foreach (var dim in dims) tensor.Varint(1, dim);
        var raw = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        return tensor.Varint(2, FloatType).String(8, name).Bytes(9, raw);
    }

    /// <summary>A tensor's value info: its element type and shape, the first dimension named (the batch), the others fixed.</summary>
    private static Proto Value(string name, int elementType, string batch, params long[] dims)
    {
        var shape = new Proto().Message(1, new Proto().String(2, batch));
        foreach (var dim in dims) shape.Message(1, new Proto().Varint(1, dim));
        var type = new Proto().Message(1, new Proto().Varint(1, elementType).Message(2, shape));
        return new Proto().String(1, name).Message(2, type);
    }

    private static (string Name, long[] Dims, float[] Values) ReadTensor(ReadOnlySpan<byte> tensor)
    {
        var (name, dims, values) = ("", new List<long>(), new List<float>());
        var position = 0;
        while (position < tensor.Length)
        {
            var key = ReadVarint(tensor, ref position);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            if (wire == 0)
            {
                var value = (long)ReadVarint(tensor, ref position);
                if (field == 1) dims.Add(value);
                continue;
            }

            var payload = Payload(tensor, wire, ref position);
            switch (field)
            {
                case 1: // packed dims
                    for (var p = 0; p < payload.Length;) dims.Add((long)ReadVarint(payload, ref p));
                    break;
                case 4: // packed float_data
                case 9: // raw_data, little-endian
                    for (var p = 0; p + sizeof(float) <= payload.Length; p += sizeof(float)) values.Add(BinaryPrimitives.ReadSingleLittleEndian(payload[p..]));
                    break;
                case 8:
                    name = Encoding.UTF8.GetString(payload);
                    break;
            }
        }

        return (name, [.. dims], [.. values]);
    }

    /// <summary>The length-delimited fields of a message, with their numbers (other wire types are skipped).</summary>
    private static List<(int Field, ReadOnlyMemory<byte> Payload)> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            if (wire == 0)
            {
                ReadVarint(message, ref position);
                continue;
            }

            var payload = Payload(message, wire, ref position);
            if (wire == 2) fields.Add((field, payload.ToArray()));
        }

        return fields;
    }

    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> message, int wire, ref int position)
    {
        var length = wire switch
        {
            1 => 8,
            2 => checked((int)ReadVarint(message, ref position)),
            5 => 4,
            _ => throw new InvalidDataException($"Unsupported protobuf wire type {wire}."),
        };
        if (length < 0 || position + length > message.Length) throw new InvalidDataException("Truncated protobuf message.");
        var payload = message.Slice(position, length);
        position += length;
        return payload;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length) throw new InvalidDataException("Truncated protobuf varint.");
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }

        throw new InvalidDataException("Protobuf varint longer than 64 bits.");
    }

    /// <summary>A protobuf message being written: fields appended in order.</summary>
    private sealed class Proto
    {
        private readonly ArrayBufferWriter<byte> _bytes = new();

        public Proto Varint(int field, long value)
        {
            Key(field, 0);
            Raw((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        public Proto Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        public byte[] ToArray() => _bytes.WrittenSpan.ToArray();

        private void Key(int field, int wire) => Raw(((ulong)field << 3) | (uint)wire);

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Write([(byte)(value | 0x80)]);
                value >>= 7;
            }

            _bytes.Write([(byte)value]);
        }
    }
}
