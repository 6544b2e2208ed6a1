extension String {
    /// The text padded to `width` for a table column, with at least one space after it when it is longer.
    func column(_ width: Int) -> String {
        count >= width ? self + " " : padding(toLength: width, withPad: " ", startingAt: 0)
    }
}
