using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Portal.Data.Seed;

/// <summary>
/// A picture for a demo Word file: a scanned page, drawn at seed time from a fixed seed (so every
/// demo database holds the same bytes). Paper grain and scanner noise do not compress, which is
/// what makes the file large, as real scans are.
/// </summary>
public sealed class DemoFigure
{
    private const int Width = 1100;
    private const int Height = 820;

    private DemoFigure(byte[] png) => Png = png;

    public byte[] Png { get; }

    public string Caption => "Figure: scanned page of the submission (demonstration image).";

    public static DemoFigure ScannedPage()
    {
        var random = new Random(75_300);
        const int stride = 1 + Width * 3;
        var raw = new byte[Height * stride];
        for (var y = 0; y < Height; y++)
        {
            // Each scan line starts with PNG's filter byte: 0, none.
            var line = y * stride;
            for (var x = 0; x < Width; x++)
            {
                // Off-white paper, darker bands where lines of type run, and grain on every pixel.
                var type = (y / 14) % 3 != 2 && x > 90 && x < Width - 90 && y > 80 && y < Height - 80;
                var tone = (type ? 150 : 236) + random.Next(-18, 19);
                var pixel = line + 1 + x * 3;
                raw[pixel] = (byte)Math.Clamp(tone + 6, 0, 255);
                raw[pixel + 1] = (byte)Math.Clamp(tone + 3, 0, 255);
                raw[pixel + 2] = (byte)Math.Clamp(tone - 4 + random.Next(-6, 7), 0, 255);
            }
        }
        return new DemoFigure(EncodePng(raw));
    }

    /// <summary>An inline picture of the image part <paramref name="relationshipId"/>, 6 inches wide.</summary>
    public Drawing Drawing(string relationshipId)
    {
        const long cx = 6 * 914_400L;
        const long cy = cx * Height / Width;
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = 1U, Name = "Figure 1", Description = Caption },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = "figure.png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
    }

    // PNG is four chunks here (signature, IHDR, one zlib-compressed IDAT, IEND); writing them directly
    // keeps an image library out of the web app for the sake of one demo picture.
    private static byte[] EncodePng(byte[] scanLines)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB
        WriteChunk(png, "IHDR", header);
        using var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(scanLines);
        }
        WriteChunk(png, "IDAT", data.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typeAndData));
        png.Write(number);
    }
}
