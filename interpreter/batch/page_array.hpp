#pragma once
// The memory of a reading thread's big tables (internal to batch/): an array of anonymous pages,
// asked for as transparent huge pages (2 MiB) once it is that large. A table of hundreds of
// thousands of entries probed at random otherwise misses the TLB on nearly every row, and the page
// walk, not the cache miss the rows are batched to hide, becomes the cost (measured: most of a
// row's time went to the first touch of its prefix's slot).
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

namespace tariff::rate::detail {

template <class T>
class PageArray {
  static_assert(std::is_trivially_destructible_v<T> && std::is_trivially_copyable_v<T>);

 public:
  PageArray() = default;
  explicit PageArray(std::size_t n) : size_(n) {
    if (n == 0) return;
    constexpr std::size_t huge = 2U << 20;
    bytes_ = (n * sizeof(T) + 4095) / 4096 * 4096;
    bool large = bytes_ >= huge;
    std::size_t asked = large ? bytes_ + huge : bytes_;  // room to start on a 2 MiB boundary
    void* p = ::mmap(nullptr, asked, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    auto at = reinterpret_cast<std::uintptr_t>(p);
    auto start = large ? (at + huge - 1) / huge * huge : at;
    if (start > at) ::munmap(p, start - at);
    if (std::size_t tail = at + asked - (start + bytes_)) ::munmap(reinterpret_cast<void*>(start + bytes_), tail);
    if (large) ::madvise(reinterpret_cast<void*>(start), bytes_, MADV_HUGEPAGE);
    data_ = reinterpret_cast<T*>(start);
    // The kernel's pages are zero; a type whose empty state is not all zero bytes is set here.
    if constexpr (!std::is_trivially_default_constructible_v<T>)
      for (std::size_t i = 0; i < n; ++i) new (&data_[i]) T();
  }
  ~PageArray() {
    if (data_) ::munmap(data_, bytes_);
  }
  PageArray(PageArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)), bytes_(std::exchange(o.bytes_, 0)) {}
  PageArray& operator=(PageArray&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(bytes_, o.bytes_);
    return *this;
  }
  PageArray(const PageArray&) = delete;
  PageArray& operator=(const PageArray&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::size_t size() const { return size_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  void swap(PageArray& o) noexcept { std::swap(*this, o); }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0, bytes_ = 0;
};

}  // namespace tariff::rate::detail
