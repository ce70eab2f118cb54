// The byte format of snapshots: numbers as eight little-endian bytes, strings and lists as
// their size then their items, structs as the fields that `fields(item, f)` lists.
// One Writer and one Reader serve every saved type, so that the two directions cannot drift.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/id_table.hpp"

namespace advise::detail {

// An array of plain values a snapshot holds in place: owned when built, or a view into the
// snapshot's bytes when restored (they outlive it: the built-in snapshot is static), so that a
// cold start copies nothing and touches only the pages it reads.
template <typename T> class Block {
public:
    Block() = default;
    explicit Block(std::vector<T> owned) : owned_(std::move(owned)) {}
    const T* data() const { return owned_.empty() ? view_ : owned_.data(); }
    std::size_t size() const { return owned_.empty() ? view_size_ : owned_.size(); }
    bool empty() const { return size() == 0; }
    const T& operator[](std::size_t i) const { return data()[i]; }
    void view(const T* at, std::size_t count) {
        owned_.clear();
        view_ = at;
        view_size_ = count;
    }
    void own(std::vector<T> values) {
        owned_ = std::move(values);
        view_ = nullptr;
        view_size_ = 0;
    }

private:
    std::vector<T> owned_;
    const T* view_ = nullptr;
    std::size_t view_size_ = 0;
};

// Blocks start at this alignment in a snapshot (the bytes are aligned so, too).
inline constexpr std::size_t block_alignment = 16;

struct ByteWriter {
    std::string out;
    template <typename N> requires std::is_integral_v<N> || std::is_enum_v<N>
    void operator()(const N& n) {
        const auto wide = static_cast<std::uint64_t>(n);
        out.append(reinterpret_cast<const char*>(&wide), sizeof wide);
    }
    void operator()(const std::string& s) {
        (*this)(s.size());
        out += s;
    }
    template <typename A, typename B> void operator()(const std::pair<A, B>& p) { (*this)(p.first), (*this)(p.second); }
    void operator()(const IdTable& ids) { (*this)(ids.ids()); }  // its ids in order; the table is rebuilt
    void operator()(const std::vector<bool>& list) {
        (*this)(list.size());
        for (const bool b : list) (*this)(b);
    }
    // A block: its size, padding to the alignment, then its values as the machine holds them.
    template <typename T> void operator()(const Block<T>& block) {
        (*this)(block.size());
        const std::size_t pad = (block_alignment - (out.size() + 8) % block_alignment) % block_alignment;
        (*this)(pad);
        out.append(pad, '\0');
        out.append(reinterpret_cast<const char*>(block.data()), block.size() * sizeof(T));
    }
    template <typename T> void operator()(const std::vector<T>& list) {
        (*this)(list.size());
        for (const auto& item : list) (*this)(item);
    }
    // Structs: fields() takes a non-const item, since the Reader fills the same list.
    template <typename T> requires requires(T& t) { fields(t, std::declval<ByteWriter&>()); }
    void operator()(const T& item) { fields(const_cast<T&>(item), *this); }
};

struct ByteReader {
    std::string_view in;
    std::uint64_t number() {
        std::uint64_t n = 0;
        if (in.size() < sizeof n) throw std::runtime_error("truncated rule snapshot");
        std::memcpy(&n, in.data(), sizeof n);
        in.remove_prefix(sizeof n);
        return n;
    }
    template <typename N> requires std::is_integral_v<N> || std::is_enum_v<N>
    void operator()(N& n) { n = static_cast<N>(number()); }
    void operator()(std::string& s) {
        const auto size = number();
        if (in.size() < size) throw std::runtime_error("truncated rule snapshot");
        s.assign(in.substr(0, size));
        in.remove_prefix(size);
    }
    template <typename A, typename B> void operator()(std::pair<A, B>& p) { (*this)(p.first), (*this)(p.second); }
    void operator()(IdTable& ids) {
        std::vector<std::string> words;
        (*this)(words);
        ids = IdTable();
        for (const auto& word : words)
            if (!ids.add(word)) throw std::runtime_error("rule snapshot with a repeated id");
    }
    void operator()(std::vector<bool>& list) {
        list.resize(checked_size());
        for (std::size_t i = 0; i < list.size(); ++i) list[i] = number() != 0;
    }
    // A view of the values in place when they are aligned for T, else a copy.
    template <typename T> void operator()(Block<T>& block) {
        const auto size = number();
        const auto pad = number();
        if (pad >= block_alignment || in.size() < pad || (in.size() - pad) / sizeof(T) < size)
            throw std::runtime_error("truncated rule snapshot");
        in.remove_prefix(pad);
        const auto bytes = static_cast<std::size_t>(size) * sizeof(T);
        if (reinterpret_cast<std::uintptr_t>(in.data()) % alignof(T) == 0) {
            block.view(reinterpret_cast<const T*>(in.data()), static_cast<std::size_t>(size));
        } else {
            std::vector<T> copy(static_cast<std::size_t>(size));
            std::memcpy(copy.data(), in.data(), bytes);
            block.own(std::move(copy));
        }
        in.remove_prefix(bytes);
    }
    template <typename T> void operator()(std::vector<T>& list) {
        list.resize(checked_size());
        for (auto& item : list) (*this)(item);
    }
    template <typename T> requires requires(T& t) { fields(t, std::declval<ByteReader&>()); }
    void operator()(T& item) { fields(item, *this); }

private:
    // Every item takes at least one byte: a larger count is a broken snapshot, not a reason to
    // allocate without bound.
    std::size_t checked_size() {
        const auto size = number();
        if (size > in.size()) throw std::runtime_error("truncated rule snapshot");
        return static_cast<std::size_t>(size);
    }
};

}  // namespace advise::detail
