#include "extract/format_detect.h"

#include <string>

#include <gtest/gtest.h>

namespace malaf {
namespace {

struct FormatCase {
  const char* name;
  std::string text;
  const char* want;
};

TEST(FormatDetectTest, FromContent) {
  const std::string rule = "==========\n";
  const std::string dossier = "ملف الأسبوع\n\n1. صحيفة النهار : عنوان أول هنا\n2. موقع الضفة : عنوان ثان هنا\n"
                              "3. وكالة السهل : عنوان ثالث\n\nصحيفة النهار : عنوان أول هنا\nنص.\n" + rule +
                              "موقع الضفة : عنوان ثان هنا\nنص.\n" + rule + "وكالة السهل : عنوان ثالث\nنص.\n";
  const FormatCase cases[] = {
      {"html doctype", "<!DOCTYPE html><html><body><p>مرحبا</p></body></html>", "html"},
      {"html no doctype", "  <html lang=\"ar\"><head><title>t</title></head></html>", "html"},
      {"html fragment", "<div><p>نص</p></div>", "html"},
      {"html after comment", "<!-- saved page --><html><body>x</body></html>", "html"},
      {"xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "html"},
      {"rss", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel></channel></rss>", "rss"},
      {"rss with stylesheet pi", "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss><channel/></rss>", "rss"},
      {"rdf", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\"><channel/></rdf:RDF>", "rss"},
      {"atom", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>", "atom"},
      {"other xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>", "xml"},
      {"json array", "\n  [{\"title\": \"خبر\"}]", "json"},
      {"json object pretty", "{\n  \"articles\": [\n    {\"title\": \"خبر\"}\n  ]\n}\n", "json"},
      {"json lines", "{\"title\": \"أ\"}\n{\"title\": \"ب\"}\n", "jsonl"},
      {"json lines crlf", "{\"title\": \"أ\"}\r\n\r\n{\"title\": \"ب\"}\r\n", "jsonl"},
      {"single json object on one line", "{\"title\": \"أ\"}", "jsonl"},
      {"json lines with a first line past the sniffed prefix",
       "{\"title\": \"" + std::string(70000, 'x') + "\"}\n{\"title\": \"ب\"}\n", "jsonl"},
      {"dossier", dossier, "dossier"},
      {"text", "عنوان الخبر\n\nقال مسؤول اليوم إن الاجتماع انتهى.\nوأضاف أن الجولة المقبلة بعد أسبوع.\n", "text"},
      {"text opening with a bracket", "[فيديو] عنوان الخبر\n\nنص الخبر.\n", "text"},
      {"text opening with a brace", "{عاجل} عنوان الخبر\n", "text"},
      {"text with one rule", "عنوان\n==========\nنص الخبر هنا.\n", "text"},
      {"empty", "", "text"},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat(c.text), c.want) << c.name;
}

TEST(FormatDetectTest, Containers) {
  EXPECT_EQ(DetectContainer(std::string("\x1f\x8b\x08\x00", 4)), Container::kGzip);
  EXPECT_EQ(DetectContainer(std::string("PK\x03\x04rest", 8)), Container::kZip);
  EXPECT_EQ(DetectContainer(std::string("PK\x05\x06", 4)), Container::kZip);
  EXPECT_EQ(DetectContainer("PKZIP is a name"), Container::kNone);
  EXPECT_EQ(DetectContainer(""), Container::kNone);
}

TEST(FormatDetectTest, BinaryInputs) {
  EXPECT_EQ(BinarySignature("%PDF-1.7\n..."), "PDF document");
  EXPECT_EQ(BinarySignature("\x89PNG\r\n\x1a\nxxxx"), "PNG image");
  EXPECT_EQ(BinarySignature("<html>"), "");
  std::string nul_text = "abc";
  nul_text.push_back('\0');
  nul_text += "defghijklmnop";
  EXPECT_TRUE(LooksBinary(nul_text));
  std::string controls(200, '\x01');
  EXPECT_TRUE(LooksBinary(controls));
  // UTF-16LE Arabic text has NULs? No: its high bytes are 0x06; ASCII in
  // UTF-16 has NULs on one parity only, and is text.
  std::string utf16;
  for (char c : std::string("hello world, this is text")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  EXPECT_FALSE(LooksBinary(utf16));
  EXPECT_FALSE(LooksBinary("نص عربي عادي\nسطر ثان\n"));
  EXPECT_FALSE(LooksBinary(""));
}

TEST(FormatDetectTest, KnownFormats) {
  for (const char* f : {"html", "text", "dossier", "rss", "atom", "json", "jsonl"}) EXPECT_TRUE(IsKnownFormat(f)) << f;
  EXPECT_FALSE(IsKnownFormat("xml"));
  EXPECT_FALSE(IsKnownFormat("pdf"));
  EXPECT_FALSE(IsKnownFormat(""));
}

}  // namespace
}  // namespace malaf
